"use client";

import { useCallback, useState } from "react";
import { ApiError } from "./api-client";

/**
 * One call to the API at a time: whether it is in flight, and the API's refusal as a message to show.
 * `run` resolves true when the call went through; an error that is not the API's is thrown on.
 */
export function useApiAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (call: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await call();
      return true;
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      setError(caught.message);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
