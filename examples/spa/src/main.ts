// The consent gate first: it must be installed before any code that could load a tracker.
import { consent } from './consent';
import './style.css';
import { startAnalytics, trackPageView } from './analytics';
import { mountConsentStatus } from './consent-status';
import { pages } from './pages';
import { startRouter } from './router';

startAnalytics();
mountConsentStatus(document.getElementById('consent-status')!);
startRouter(document.getElementById('view')!, pages, trackPageView);

const settings = document.getElementById('privacy-settings')!;
settings.addEventListener('click', () => consent.showPreferences(settings));
