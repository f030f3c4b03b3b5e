import { type CategoryId, categoryText, localize } from '@consentgate/core';
import { RichText } from './RichText';
import type { UIModel } from './ui-model';

/**
 * One category in the preferences: a real checkbox switch, its description and its services; a
 * `separate` one also says that "Accept all" leaves it out, and who receives its data.
 */
export function CategoryItem({ model, id }: { model: UIModel; id: CategoryId }) {
  const s = model.strings.value;
  const locale = model.locale.value;
  const category = model.config.value.categories[id] ?? {};
  const locked = id === 'necessary';
  const services = category.services ?? [];
  const recipient = category.separate ? category.recipient : undefined;
  const text = (value: Parameters<typeof localize>[0]) => localize(value, locale, '');
  const inputId = `cg-c-${id}`;
  const checked = locked || model.draft.value[id] === true;
  return (
    <div class="cat">
      <div class="row">
        <label for={inputId}>
          {categoryText(model.config.value, id, 'label', locale, model.builtIns.value) || id}
          {locked && <span class="mu"> · {s.alwaysOn}</span>}
        </label>
        <input
          id={inputId}
          class="sw"
          type="checkbox"
          role="switch"
          checked={checked}
          aria-checked={checked ? 'true' : 'false'}
          disabled={locked}
          aria-describedby={category.separate ? `${inputId}-d ${inputId}-s` : `${inputId}-d`}
          onChange={(event) => {
            model.draft.value = { ...model.draft.value, [id]: event.currentTarget.checked };
          }}
        />
      </div>
      <p id={`${inputId}-d`} class="mu">
        <RichText text={categoryText(model.config.value, id, 'description', locale, model.builtIns.value)} />
      </p>
      {category.separate && (
        <div id={`${inputId}-s`} class="mu">
          <p class="note">{s.separateNote}</p>
          {recipient && (
            <ul>
              <li>
                {s.recipient}: {recipient.name}
              </li>
              {recipient.contact && (
                <li>
                  {s.contact}: {recipient.contact}
                </li>
              )}
              {recipient.purpose && (
                <li>
                  {s.purpose}: <RichText text={text(recipient.purpose)} />
                </li>
              )}
              {recipient.dataTypes && (
                <li>
                  {s.dataTypes}: {text(recipient.dataTypes)}
                </li>
              )}
            </ul>
          )}
        </div>
      )}
      {services.length > 0 && (
        <details>
          <summary>
            {s.services} ({services.length})
          </summary>
          <ul class="mu">
            {services.map((service) => (
              <li key={service.name}>
                <strong>{service.name}</strong>
                {service.provider && ` · ${s.provider}: ${service.provider}`}
                {service.purpose && (
                  <div>
                    {s.purpose}: <RichText text={text(service.purpose)} />
                  </div>
                )}
                {service.cookies?.length ? (
                  <div>
                    {s.cookies}:{' '}
                    {service.cookies
                      .map((cookie) =>
                        typeof cookie === 'string'
                          ? cookie
                          : cookie.name +
                            (cookie.lifetime ? ` (${s.lifetime}: ${text(cookie.lifetime)})` : ''),
                      )
                      .join(', ')}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
