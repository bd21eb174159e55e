/**
 * window.localStorage, or undefined where it is blocked (Safari private mode, sandboxed iframes,
 * storage disabled by policy): reading the property itself can throw there.
 */
export function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
