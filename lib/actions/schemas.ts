import { z } from "zod";

/** Input shapes shared by account actions and the personal API. */
export const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, "Not a vendor.");
