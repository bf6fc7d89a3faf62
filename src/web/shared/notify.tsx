// Toast messages (antd message) bound to the app's theme; lighter than antd's App, which also loads Modal and notification.
import { message } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { createContext, type ReactNode, useContext } from 'react';

const NotifyContext = createContext<MessageInstance | null>(null);

export function NotifyProvider({ children }: { children: ReactNode }) {
  const [api, holder] = message.useMessage();
  return (
    <NotifyContext.Provider value={api}>
      {holder}
      {children}
    </NotifyContext.Provider>
  );
}

export function useNotify(): MessageInstance {
  const api = useContext(NotifyContext);
  if (!api) throw new Error('useNotify must be used inside <NotifyProvider>');
  return api;
}
