// The error boundary page: shown when a page fails to load or render (「页面出错了」 with 刷新).
import { CloseCircleFilled } from '@ant-design/icons';
import { Button, theme } from 'antd';
import { useEffect } from 'react';
import { useRouteError } from 'react-router';
import { t } from '../../../locales/zh-CN.ts';

// Plain elements rather than antd's Result/Typography: this page is part of the initial bundle and must stay small.
export function ErrorPage({ embedded = false }: { embedded?: boolean }) {
  const error = useRouteError();
  const { token } = theme.useToken();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div
      role="alert"
      style={{
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 12,
        boxSizing: 'border-box',
        minHeight: embedded ? 320 : '100vh',
        padding: 24,
        textAlign: 'center',
        fontFamily: token.fontFamily,
        color: token.colorText,
      }}
    >
      <CloseCircleFilled style={{ fontSize: 64, color: token.colorError }} />
      <h1 style={{ fontSize: 24, fontWeight: 600, margin: 0 }}>{t.errorPage.title}</h1>
      <p style={{ margin: 0, maxWidth: 480, color: token.colorTextSecondary }}>{t.errorPage.subTitle}</p>
      <div style={{ display: 'flex', gap: 8 }}>
        <Button type="primary" onClick={() => window.location.reload()}>
          {t.errorPage.reload}
        </Button>
        {/* A plain link: the router itself may be what failed. */}
        <Button href="/">{t.app.backHome}</Button>
      </div>
    </div>
  );
}
