import { Banner } from './Banner';
import { Preferences } from './Preferences';
import type { UIModel } from './ui-model';

/** The root: theme, custom colours and whichever layers are open (the floating button is preferences-triggers.ts). */
export function App({ model }: { model: UIModel }) {
  const { theme, colors, radius, font } = model.options.value;
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
    </div>
  );
}
