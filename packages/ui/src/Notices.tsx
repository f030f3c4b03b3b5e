import { type CategoryId, categoryText } from '@consentgate/core';
import { format } from './translate';
import type { UIModel } from './ui-model';

/** The labels of `ids` (known categories only) in the UI locale, or `''` when none is known. */
function labels(model: UIModel, ids: ReadonlyArray<CategoryId>): string {
  const config = model.config.value;
  const list = ids
    .filter((id) => config.categoryIds.includes(id))
    .map((id) => categoryText(config, id, 'label', model.locale.value, model.builtIns.value) || id);
  try {
    // "A and B" / "A和B": the locale's own list words.
    return new Intl.ListFormat(model.locale.value, { type: 'conjunction' }).format(list);
  } catch {
    return list.join(', ');
  }
}

/**
 * What "Accept all" leaves out, said where the visitor decides: the categories Global Privacy
 * Control keeps off (when the browser sent it; in the preferences, with where to opt in) and, in
 * the banner, the `separate` ones (the preferences say it beside each).
 */
export function Notices({ model, inBanner }: { model: UIModel; inBanner: boolean }) {
  const s = model.strings.value;
  const config = model.config.value;
  const gpc = model.consent.value.gpc ? labels(model, config.gpc.categories) : '';
  const separate = inBanner
    ? labels(
        model,
        config.categoryIds.filter((id) => config.categories[id]?.separate),
      )
    : '';
  return (
    <>
      {gpc && (
        <p class="note">
          {format(s.gpcNotice, { categories: gpc })}
          {!inBanner && ` ${s.gpcOptIn}`}
        </p>
      )}
      {separate && <p class="mu">{format(s.separateBanner, { categories: separate })}</p>}
    </>
  );
}
