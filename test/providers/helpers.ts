import { fixture } from "../fixture-server";

/** A recorded payload from test/fixtures as text (byte-identical copy of /work/shared/fixtures). */
export const text = (relPath: string): string => fixture(relPath).toString("utf8");
