/** Why an action was refused, read out as it appears. */
export function ActionError({ error }: { error: string | null }) {
  return error ? (
    <p className="error small" role="alert">
      {error}
    </p>
  ) : null;
}
