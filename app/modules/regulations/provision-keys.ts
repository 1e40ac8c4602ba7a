/**
 * Provision keys are paths ("eu:2024/1689:art:50:par:2" lies inside "eu:2024/1689:art:50"). A
 * change to a provision touches a question mapped to the same provision, to a part of it (the
 * article changed, the question asks about one paragraph) or to the whole it lies in (a
 * paragraph changed, the question asks about the article).
 */
export function provisionKeysOverlap(changedKey: string, linkedKey: string): boolean {
  return (
    changedKey === linkedKey ||
    linkedKey.startsWith(`${changedKey}:`) ||
    changedKey.startsWith(`${linkedKey}:`)
  );
}

/** The changed keys that touch `linkedKey` (empty: the link is not affected). */
export function changedKeysTouching(changedKeys: readonly string[], linkedKey: string): string[] {
  return changedKeys.filter((changed) => provisionKeysOverlap(changed, linkedKey));
}
