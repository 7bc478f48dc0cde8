/** Typed failures of the domain services; `lib/http/respond.ts` turns them into HTTP in one place. */

/** Field path (as in `sources.0.url`) to what is wrong with it. */
export type FieldErrors = Record<string, string>;

export class Invalid extends Error {
  constructor(
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message);
    this.name = "Invalid";
  }
}

export class Unauthenticated extends Error {
  constructor(message = "Sign in to do this.") {
    super(message);
    this.name = "Unauthenticated";
  }
}

export class Forbidden extends Error {
  constructor(message: string) {
    super(message);
    this.name = "Forbidden";
  }
}

export class NotFound extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotFound";
  }
}

export class Conflict extends Error {
  constructor(message: string) {
    super(message);
    this.name = "Conflict";
  }
}

/** Too many attempts in a short time (password guessing): the message says how long to wait. */
export class TooManyRequests extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TooManyRequests";
  }
}

export class PayloadTooLarge extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PayloadTooLarge";
  }
}
