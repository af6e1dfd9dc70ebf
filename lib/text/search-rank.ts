/**
 * Orders names found by a substring search the way a person typing expects: the name itself,
 * then names that start with the words typed, then names with a word that does, then the rest.
 * Ties keep their order (the catalog's alphabetical one).
 */
export function rankByMatch<T extends { name: string }>(items: T[], query: string): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return items;
  const score = (name: string) => {
    const n = name.toLowerCase();
    if (n === q) return 0;
    if (n.startsWith(q)) return 1;
    if (n.split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(q))) return 2;
    return 3;
  };
  return items
    .map((item, index) => ({ item, index, score: score(item.name) }))
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .map((r) => r.item);
}
