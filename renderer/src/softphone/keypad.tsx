// A 12-key pad: the dial pad and in-call DTMF.
export const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;
const LETTERS: Record<string, string> = { '2': 'ABC', '3': 'DEF', '4': 'GHI', '5': 'JKL', '6': 'MNO', '7': 'PQRS', '8': 'TUV', '9': 'WXYZ', '0': '+' };

export function Keypad({ label, onKey, disabled = false }: { label: string; onKey: (key: string) => void; disabled?: boolean }) {
  return (
    <div className="keypad" role="group" aria-label={label}>
      {KEYS.map((k) => (
        <button key={k} type="button" className="keypad__key" disabled={disabled} onClick={() => onKey(k)}>
          <span className="keypad__digit">{k}</span>
          <span className="keypad__letters" aria-hidden="true">
            {LETTERS[k] ?? ' '}
          </span>
        </button>
      ))}
    </div>
  );
}
