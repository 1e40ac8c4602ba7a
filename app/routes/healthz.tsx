// A trivial route: liveness for operators and the baseline in benchmarks.
export function loader() {
  return new Response("ok", {
    headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" },
  });
}
