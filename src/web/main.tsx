// Entry point of the web UI: antd in Chinese, TanStack Query, and the router.
import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider, type ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'antd/dist/antd.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { queryClient } from './request.ts';
import { router } from './routes.tsx';
import { NotifyProvider } from './shared/notify.tsx';

dayjs.locale('zh-cn');

const theme: ThemeConfig = {
  // antd's styles come from its prebuilt stylesheet (imported above) instead of being computed in the browser for
  // every component on first render: that computation was most of the time to a usable page (issue 19: the first
  // 河北省 site list ~3.4 s → see bench). The colours below are still applied, through antd's CSS variables.
  zeroRuntime: true,
  token: {
    colorPrimary: '#1d4f91',
    colorLink: '#1d4f91',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#1d4f91', headerColor: '#fff', siderBg: '#fff', bodyBg: '#f3f5f9' },
    Menu: { itemSelectedBg: '#e6eef8', itemSelectedColor: '#1d4f91' },
  },
};

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    {/* No auto space in two-character button labels: 「提交」「继续」 must appear byte-exact (SPEC §0.2). */}
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <NotifyProvider>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </NotifyProvider>
    </ConfigProvider>
  </StrictMode>,
);
