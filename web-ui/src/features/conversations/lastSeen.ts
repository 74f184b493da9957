/**
 * The API keeps no read state for conversations: each user's "last seen" time per lead lives in
 * this browser's localStorage (`inmo.inbox.lastSeen.<userId>`), so unread counts are per user and
 * per browser.
 */
export const lastSeenKey = (userId: string) => `inmo.inbox.lastSeen.${userId}`;

export type LastSeen = Record<string, string>;

export function readLastSeen(userId: string | null): LastSeen {
  if (!userId) return {};
  try {
    const raw = localStorage.getItem(lastSeenKey(userId));
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}

export function writeLastSeen(userId: string | null, seen: LastSeen): void {
  if (!userId) return;
  try {
    localStorage.setItem(lastSeenKey(userId), JSON.stringify(seen));
  } catch {
    // storage full or private mode: unread counts last for this page only
  }
}
