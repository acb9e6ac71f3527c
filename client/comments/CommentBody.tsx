/** A comment's text, with the mentioned people's names marked. */
export function CommentBody({ text, names }: { text: string; names: string[] }) {
  if (names.length === 0) return <>{text}</>;
  const escaped = names.map((n) => `@${n}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = text.split(new RegExp(`(${escaped.join('|')})`, 'g'));
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <mark key={i} className="mention">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  );
}
