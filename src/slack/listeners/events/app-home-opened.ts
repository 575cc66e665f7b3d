// The Home tab: published fresh each time it is opened, from the store.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { i18n } from '../../../i18n/i18n.js';
import { homeView } from '../../blocks/home.js';
import type { SlackDeps } from '../../deps.js';

/** The app_home_opened handler. */
export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>): Promise<void> => {
    if (event.tab !== 'home') return;
    try {
      // No question to follow: the user's own language, else the workspace default.
      const setting = deps.store.data.languages?.[event.user];
      const lang = setting === 'zh' || setting === 'en' ? setting : (deps.defaultLang ?? 'en');
      await client.views.publish({ user_id: event.user, view: homeView(deps.store.data, deps.now(), i18n(lang)) });
    } catch (error) {
      deps.logger.error({ err: error, user: event.user }, 'could not publish the Home tab');
    }
  };
}
