import type { ConfigIssue } from '@consentgate/core';

// `ui.colors.accent` belongs to the field `ui.colors.accent`, `categories.ads.services[0].name`
// to the field `categories.ads.services`: the field with the longest path that is a prefix.
const covers = (field: string, issue: string) =>
  issue === field || issue.startsWith(`${field}.`) || issue.startsWith(`${field}[`);

/**
 * Shows each issue next to the field it names (`[data-path]` below `form`), else next to the
 * `[data-fallback]` field, and the rest (no path) in `general`. Every message starts with the path, so the field is named even out of context.
 */
export function showIssues(
  form: HTMLElement,
  general: HTMLElement,
  issues: ReadonlyArray<ConfigIssue>,
): void {
  for (const old of form.querySelectorAll('.error')) old.remove();
  for (const field of form.querySelectorAll('[aria-invalid]')) {
    field.removeAttribute('aria-invalid');
    field.removeAttribute('aria-describedby');
  }
  general.replaceChildren();
  const fields = [...form.querySelectorAll<HTMLElement>('[data-path]')];
  for (const issue of issues) {
    const field =
      fields
        .filter((candidate) => covers(candidate.dataset.path!, issue.path))
        .sort((a, b) => b.dataset.path!.length - a.dataset.path!.length)[0] ??
      // Options without a field of their own (`lifetimeDays`, `rules[0].match[0]`) come from there.
      (issue.path ? form.querySelector<HTMLElement>('[data-fallback]') : null) ??
      undefined;
    const message = document.createElement(field ? 'span' : 'p');
    message.className = 'error';
    message.dataset.errorFor = issue.path;
    message.textContent = `${issue.path || 'config'}: ${issue.message}`;
    if (field) {
      field.setAttribute('aria-invalid', 'true');
      // Outside the label, so the field's accessible name stays its label; described by the message.
      message.id = `error-${issues.indexOf(issue)}`;
      field.setAttribute('aria-describedby', message.id);
      (field.closest('label') ?? field).after(message);
    } else general.append(message);
  }
}
