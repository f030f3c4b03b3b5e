import { format } from './translate';
import type { AgeAnswer, UIModel } from './ui-model';

/**
 * Asked (with `minimumAge`) before a decision that grants anything is recorded: three equal
 * buttons and a way back. Rejecting never needs it, so "Reject all" stays one click.
 */
export function AgeQuestion({ model }: { model: UIModel }) {
  const s = model.strings.value;
  const values = { age: String(model.config.value.minimumAge) };
  const answer = (key: 'ageAdult' | 'ageGuardian' | 'ageUnder', value: AgeAnswer) => (
    <button type="button" class="btn" onClick={() => model.answerAge(value)}>
      {format(s[key], values)}
    </button>
  );
  return (
    <fieldset class="age">
      <legend>
        <strong>{s.ageQuestion}</strong>
      </legend>
      <div class="acts">
        {answer('ageAdult', 'adult')}
        {answer('ageGuardian', 'guardian')}
        {answer('ageUnder', 'under')}
        <button type="button" class="btn o" onClick={model.cancelAge}>
          {s.back}
        </button>
      </div>
    </fieldset>
  );
}
