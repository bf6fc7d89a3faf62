// Connects request.ts's error policy to the running app: antd messages for errors, router navigation for redirects.
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { dropUserData, reloadSession, setLoginNotice } from './access.ts';
import { t } from './locales/zh-CN.ts';
import { installErrorHooks } from './request.ts';
import { useNotify } from './shared/notify.tsx';

export function RequestBridge() {
  const navigate = useNavigate();
  const message = useNotify();
  useEffect(() => {
    installErrorHooks({
      // The key collapses the same error raised by several queries at once into one message.
      notify: (text) => void message.open({ type: 'error', content: text, key: text }),
      onSessionLost: () => {
        setLoginNotice(t.request.sessionExpired);
        dropUserData();
        void reloadSession().catch(() => {});
        navigate('/', { replace: true });
      },
      onPasswordChangeRequired: () => {
        void reloadSession().catch(() => {});
        navigate('/org/password', { replace: true });
      },
      refreshSession: () => void reloadSession().catch(() => {}),
    });
  }, [navigate, message]);
  return null;
}
