import { localize } from '@consentgate/core';
import { AgeQuestion } from './AgeQuestion';
import { trapTab } from './focus';
import { Notices } from './Notices';
import { policyHref } from './policy-link';
import { RichText } from './RichText';
import { format } from './translate';
import type { UIModel } from './ui-model';

/**
 * The first layer: title, text, policy link and three equal buttons. Not modal (the page stays
 * usable) unless the site opted into `ui.blocking`; Escape records no choice. After a policy
 * change it says so, with the site's "what changed" text and a link to the new version.
 */
export function Banner({ model }: { model: UIModel }) {
  const s = model.strings.value;
  const config = model.config.value;
  const { position, blocking } = model.options.value;
  const modal = blocking && !model.inline;
  const href = policyHref(config);
  const updated = model.consent.value.status === 'outdated';
  const changes = updated ? localize(config.policyChanges, model.locale.value, '') : '';
  const panel = (
    <div
      class={`p b ${position}`}
      role="dialog"
      aria-modal={modal ? 'true' : 'false'}
      aria-labelledby="cg-bt"
      aria-describedby="cg-bd"
      onKeyDown={modal ? trapTab : undefined}
    >
      <h2 id="cg-bt">{updated ? s.updatedTitle : s.bannerTitle}</h2>
      <p id="cg-bd">
        {updated ? format(s.updatedText, { version: config.policyVersion }) : s.bannerText}{' '}
        {href && (
          <a href={href} target="_blank" rel="noopener">
            {s.policyLink}
          </a>
        )}
      </p>
      {changes && (
        <p>
          <strong>{s.changes}</strong> <RichText text={changes} />
        </p>
      )}
      <Notices model={model} inBanner />
      {model.age.value && !model.isPreferencesOpen.value ? (
        <AgeQuestion model={model} />
      ) : (
        <div class="acts">
          <button type="button" class="btn" onClick={model.acceptAll}>
            {s.acceptAll}
          </button>
          <button type="button" class="btn" onClick={model.rejectAll}>
            {s.rejectAll}
          </button>
          <button type="button" class="btn o" onClick={(event) => model.openPreferences(event.currentTarget)}>
            {s.manage}
          </button>
        </div>
      )}
    </div>
  );
  return modal ? <div class="ov">{panel}</div> : panel;
}
