import { describe, expect, it } from "vitest";
import { ChannelInputError, addChannel } from "@/lib/notify/channels-data";

describe("adding a channel", () => {
  it.each(["http://127.0.0.1:9/hook", "https://10.1.2.3/hook", "https://[::1]/hook", "https://169.254.169.254/latest"])(
    "refuses %s, in the private network, before storing anything",
    async (url) => {
      const error = await addChannel("no-such-user", { type: "webhook", url }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChannelInputError);
      expect((error as Error).message).toMatch(/only posts to public addresses/);
    },
  );
});
