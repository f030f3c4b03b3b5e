import { trapTab } from './focus';
import { policyHref } from './policy-link';
import type { UIModel } from './ui-model';

/**
 * The first layer: title, text, policy link and three equal buttons. Not modal (the page stays
 * usable) unless the site opted into `ui.blocking`; Escape records no choice.
 */
export function Banner({ model }: { model: UIModel }) {
  const s = model.strings.value;
  const { position, blocking } = model.options.value;
  const modal = blocking && !model.inline;
  const href = policyHref(model.config.value);
  const panel = (
    <div
      class={`p b ${position}`}
      role="dialog"
      aria-modal={modal ? 'true' : 'false'}
      aria-labelledby="cg-bt"
      aria-describedby="cg-bd"
      onKeyDown={modal ? trapTab : undefined}
    >
      <h2 id="cg-bt">{s.bannerTitle}</h2>
      <p id="cg-bd">
        {s.bannerText}{' '}
        {href && (
          <a href={href} target="_blank" rel="noopener">
            {s.policyLink}
          </a>
        )}
      </p>
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
    </div>
  );
  return modal ? <div class="ov">{panel}</div> : panel;
}
