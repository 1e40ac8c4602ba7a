// The small forms of the template editor. Every change is a plain form POST carrying the draft's
// revision, so the editor works without JavaScript and a stale page is refused, not applied.
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button } from "~/components/ui/button";

/** The fields every editor form carries: the draft's revision, what to do, and to what. */
export function Hidden({
  revision,
  intent,
  target,
}: {
  revision: number;
  intent: string;
  target?: string;
}) {
  return (
    <>
      <input type="hidden" name="revision" value={revision} />
      <input type="hidden" name="intent" value={intent} />
      {target !== undefined ? <input type="hidden" name="target" value={target} /> : null}
    </>
  );
}

/** A one-button form (move, delete, add): works without JavaScript. */
export function ActionButton({
  revision,
  intent,
  target,
  direction,
  children,
  variant = "secondary",
}: {
  revision: number;
  intent: string;
  target: string;
  direction?: string;
  children: ReactNode;
  variant?: "secondary" | "danger" | "primary";
}) {
  return (
    <Form method="post" className="inline">
      <Hidden revision={revision} intent={intent} target={target} />
      {direction ? <input type="hidden" name="direction" value={direction} /> : null}
      <Button type="submit" variant={variant} className="!px-2 !py-1 text-xs">
        {children}
      </Button>
    </Form>
  );
}
