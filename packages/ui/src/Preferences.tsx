import { AgeQuestion } from './AgeQuestion';
import { CategoryItem } from './CategoryItem';
import { trapTab } from './focus';
import { Notices } from './Notices';
import { policyHref } from './policy-link';
import { format } from './translate';
import type { UIModel } from './ui-model';

/**
 * The second layer, a modal dialog: one switch per category, Save / Accept all / Reject all, and
 * the consented policy version with its link (and the current one's, when it changed since).
 * Escape and the close button record nothing.
 */
export function Preferences({ model }: { model: UIModel }) {
  const s = model.strings.value;
  const config = model.config.value;
  const consent = model.consent.value;
  const version = (consent.record ?? consent.previous)?.policyVersion ?? config.policyVersion;
  const href = policyHref(config, version);
  const current = version === config.policyVersion ? undefined : policyHref(config);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      model.closePreferences();
    } else if (!model.inline) trapTab(event);
  };
  return (
    <div class="ov">
      <div
        class="p d"
        role="dialog"
        aria-modal={model.inline ? 'false' : 'true'}
        aria-labelledby="cg-pt"
        aria-describedby="cg-pd"
        onKeyDown={onKeyDown}
      >
        <div class="hd">
          <h2 id="cg-pt">{s.preferencesTitle}</h2>
          <button type="button" class="btn o x" aria-label={s.close} onClick={model.closePreferences}>
            ×
          </button>
        </div>
        <p id="cg-pd" class="mu">
          {s.preferencesText}
        </p>
        <Notices model={model} inBanner={false} />
        {config.categoryIds.map((id) => (
          <CategoryItem key={id} model={model} id={id} />
        ))}
        {model.age.value ? (
          <AgeQuestion model={model} />
        ) : (
          <div class="acts">
            <button type="button" class="btn" onClick={model.save}>
              {s.save}
            </button>
            <button type="button" class="btn" onClick={model.acceptAll}>
              {s.acceptAll}
            </button>
            <button type="button" class="btn" onClick={model.rejectAll}>
              {s.rejectAll}
            </button>
          </div>
        )}
        <p class="mu">
          {format(s.policyVersion, { version })}
          {href && (
            <>
              {' · '}
              <a href={href} target="_blank" rel="noopener">
                {s.policyLink}
              </a>
            </>
          )}
          {current && (
            <>
              {' · '}
              <a href={current} target="_blank" rel="noopener">
                {format(s.currentPolicy, { version: config.policyVersion })}
              </a>
            </>
          )}
        </p>
      </div>
    </div>
  );
}
