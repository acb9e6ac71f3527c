/**
 * The 50-page agreement of the cold-open benchmark: about 127,000 characters
 * typed as about 150,000 keystrokes (a tenth of them backspaces, a cursor that
 * sometimes jumps back to mend earlier text, some words made bold) over 40
 * editing sessions, each a new Yjs client as a reopened browser tab is, into
 * the shared sections the editor writes (Tiptap paragraphs of Y.XmlText).
 * Seeded, so every run types the same agreement.
 */
import * as Y from 'yjs';

const SECTIONS = ['section:purpose', 'section:context', 'section:duration'];
const WORDS =
  'the parties agree to cooperate in good faith on the programme described in this agreement each party shall designate a coordinator who will report on progress every quarter and share the results of the joint activities with the steering committee within thirty days'.split(
    ' ',
  );

/** Small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TypedAgreement {
  /** Everything typed, as one update on top of `base`. */
  update: Uint8Array;
  characters: number;
  keystrokes: number;
  /** Size of the whole state (base plus typing), as Y.encodeStateAsUpdate gives it. */
  stateBytes: number;
}

/**
 * Types the agreement on top of `base` (the document as the server created
 * it). One transaction per keystroke, as the editor makes them.
 */
export function typeAgreement(base: Uint8Array, targetCharacters = 127_000, seed = 50): TypedAgreement {
  const rand = random(seed);
  const sessions = 40;
  const perSession = Math.ceil(targetCharacters / sessions);
  let doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const before = Y.encodeStateVector(doc);
  let keystrokes = 0;
  let characters = 0;
  for (let s = 0; s < sessions; s++) {
    // A new tab: a new client id, the document as it was stored.
    const next = new Y.Doc();
    Y.applyUpdate(next, Y.encodeStateAsUpdate(doc));
    doc.destroy();
    doc = next;
    const fragment = doc.getXmlFragment(SECTIONS[s % SECTIONS.length] ?? 'section:purpose');
    let paragraph: Y.XmlText | null = null;
    let cursor = 0;
    let typed = 0;
    let bold = false;
    while (typed < perSession) {
      if (paragraph === null || (paragraph.length > 600 && rand() < 0.02)) {
        const p = new Y.XmlElement('paragraph');
        const text = new Y.XmlText();
        p.insert(0, [text]);
        doc.transact(() => fragment.push([p]));
        keystrokes++;
        paragraph = text;
        cursor = 0;
      }
      const text: Y.XmlText = paragraph;
      if (text.length > 40 && rand() < 0.004) cursor = Math.floor(rand() * text.length); // back to mend a word
      if (rand() < 0.012) bold = !bold;
      const r = rand();
      if (r < 0.085 && cursor > 0) {
        doc.transact(() => text.delete(cursor - 1, 1));
        cursor--;
        typed--;
        characters--;
      } else {
        const word = WORDS[Math.floor(rand() * WORDS.length)] ?? 'and';
        const ch = r < 0.25 ? ' ' : (word[Math.floor(rand() * word.length)] ?? 'e');
        doc.transact(() => text.insert(cursor, ch, bold ? { bold: true } : {}));
        cursor++;
        typed++;
        characters++;
      }
      keystrokes++;
    }
  }
  const update = Y.encodeStateAsUpdate(doc, before);
  const stateBytes = Y.encodeStateAsUpdate(doc).byteLength;
  doc.destroy();
  return { update, characters, keystrokes, stateBytes };
}

/** How many characters the typed sections of `state` hold (to check a client received all of it). */
export function typedCharacters(state: Uint8Array | Y.Doc): number {
  const doc = state instanceof Y.Doc ? state : new Y.Doc();
  if (!(state instanceof Y.Doc)) Y.applyUpdate(doc, state);
  let n = 0;
  for (const name of SECTIONS) {
    for (const p of doc.getXmlFragment(name).toArray()) {
      if (!(p instanceof Y.XmlElement)) continue;
      for (const t of p.toArray()) if (t instanceof Y.XmlText) n += t.length;
    }
  }
  if (!(state instanceof Y.Doc)) doc.destroy();
  return n;
}
