/**
 * What next-auth hands the sign-in form when the password was right and the account has two-step sign-in:
 * the form then asks for a code from the app, or a recovery code.
 */
export const SECOND_STEP_REQUIRED = "SecondStepRequired";
