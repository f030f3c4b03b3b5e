import type { UIModel } from './ui-model';

/** The small "Privacy settings" button that stays after a decision, so withdrawing is one click away. */
export function FloatingButton({ model }: { model: UIModel }) {
  return (
    <button type="button" class="btn o fb" onClick={(event) => model.openPreferences(event.currentTarget)}>
      {model.strings.value.settings}
    </button>
  );
}
