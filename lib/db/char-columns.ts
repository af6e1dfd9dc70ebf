import { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/**
 * The schema engine introspects pg_catalog columns of Postgres type "char" (oid 18) and reads
 * them as single characters, but @prisma/adapter-pg 7.10 rejects that type as unsupported.
 * pg returns "char" values as one-character strings, so this reports those columns as text to
 * the adapter and as Character to the engine. Used only for the schema engine's connections.
 */
const PG_CHAR = 18;
const PG_TEXT = 25;

interface PgField {
  dataTypeID: number;
}
interface Queryable {
  performIO(query: unknown): Promise<{ fields: PgField[] }>;
  queryRaw(query: unknown): Promise<{ columnTypes: number[] }>;
  startTransaction?(...args: unknown[]): Promise<Queryable>;
}

const charColumns = new AsyncLocalStorage<number[]>();

function patch<T extends Queryable>(target: T): T {
  const performIO = target.performIO.bind(target);
  const queryRaw = target.queryRaw.bind(target);
  target.performIO = async (query) => {
    const result = await performIO(query);
    const seen = charColumns.getStore();
    result.fields.forEach((field, i) => {
      if (field.dataTypeID !== PG_CHAR) return;
      field.dataTypeID = PG_TEXT;
      seen?.push(i);
    });
    return result;
  };
  target.queryRaw = (query) =>
    charColumns.run([], async () => {
      const result = await queryRaw(query);
      for (const i of charColumns.getStore() ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
      return result;
    });
  const startTransaction = target.startTransaction?.bind(target);
  if (startTransaction) target.startTransaction = async (...args) => patch(await startTransaction(...args));
  return target;
}

export function withCharColumns(factory: PrismaPg): SqlMigrationAwareDriverAdapterFactory {
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  return Object.assign(factory, {
    connect: async () =>
      patch((await connect()) as unknown as Queryable) as unknown as Awaited<ReturnType<typeof connect>>,
    connectToShadowDb: async () =>
      patch((await connectToShadowDb()) as unknown as Queryable) as unknown as Awaited<
        ReturnType<typeof connectToShadowDb>
      >,
  });
}
