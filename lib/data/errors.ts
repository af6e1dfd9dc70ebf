/**
 * Errors of the account data layer. Pages, actions and API routes map them to messages and
 * statuses (lib/data/error-response.ts for the API); the data layer never speaks HTTP.
 */

/** A vendor, subscription or token that does not exist, or is not the caller's: the same answer. */
export class NotFoundError extends Error {
  override name = "NotFoundError";
}

/** Input that is well-formed but wrong (a component of another vendor, an unknown time zone). */
export class InvalidInputError extends Error {
  override name = "InvalidInputError";
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** A follow refused because the plan's vendor limit is reached. */
export class PlanLimitError extends Error {
  override name = "PlanLimitError";
  constructor(
    readonly limit: number,
    readonly count: number,
    readonly planName: string,
    readonly upgrade: { name: string; vendorLimit: number } | null,
  ) {
    super(
      `You are monitoring ${count} of ${limit} vendors, the limit of the ${planName} plan. Remove a vendor to add another` +
        (upgrade ? `, or join the waitlist for ${upgrade.name} (${upgrade.vendorLimit} vendors).` : "."),
    );
  }
}

/** Too many requests of one kind (sign-in links, added vendors, email changes). */
export class RateLimitedError extends Error {
  override name = "RateLimitedError";
  constructor(
    message: string,
    readonly retryAt: Date,
  ) {
    super(message);
  }
}
