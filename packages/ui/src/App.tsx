import { Banner } from './Banner';
import { FloatingButton } from './FloatingButton';
import { Preferences } from './Preferences';
import type { UIModel } from './ui-model';

/** The root: theme, custom colours and whichever layers are open. */
export function App({ model }: { model: UIModel }) {
  const { theme, colors, radius, font, floatingButton } = model.options.value;
  const showFloating =
    floatingButton && !model.inline && !model.isBannerOpen.value && model.consent.value.status === 'given';
  const style = {
    '--cg-accent': colors.accent,
    '--cg-background': colors.background,
    '--cg-text': colors.text,
    '--cg-radius': radius,
    '--cg-font': font,
  };
  return (
    <div class={`cg ${theme}${model.inline ? ' inl' : ''}`} lang={model.locale.value} style={style}>
      {model.isBannerOpen.value && <Banner model={model} />}
      {model.isPreferencesOpen.value && <Preferences model={model} />}
      {showFloating && <FloatingButton model={model} />}
    </div>
  );
}
