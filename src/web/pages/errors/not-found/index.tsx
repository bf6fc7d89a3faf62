// The 404 page (「页面不存在」), used for unknown public paths and unknown paths inside the workspace.
import { Result } from 'antd';
import { t } from '../../../locales/zh-CN.ts';
import { LinkButton } from '../../../shared/LinkButton.tsx';
import { PublicFrame } from '../../../shared/PublicFrame.tsx';

export default function NotFoundPage({ homePath }: { homePath?: string }) {
  const inWorkspace = homePath !== undefined;
  const result = (
    <Result
      status="404"
      title={t.notFound.title}
      subTitle={t.notFound.subTitle}
      extra={
        <LinkButton type="primary" to={homePath ?? '/'}>
          {inWorkspace ? t.app.backWorkspace : t.app.backHome}
        </LinkButton>
      }
    />
  );
  return inWorkspace ? result : <PublicFrame>{result}</PublicFrame>;
}
