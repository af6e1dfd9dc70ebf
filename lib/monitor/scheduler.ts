export function startScheduler(): { stop(): Promise<void> } {
  return { stop: async () => undefined };
}
