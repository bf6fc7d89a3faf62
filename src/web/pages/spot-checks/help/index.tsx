// 上报抽查情况说明 (SPEC §8.1 #4, §9): static instructions for the quarterly report, for level-1 units and the root.
import { Alert, Card, Table, Typography } from 'antd';
import { ot } from '../../../locales/org-tools.zh-CN.ts';
import { LinkButton } from '../../../shared/LinkButton.tsx';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { PROBLEM_TYPE_LABELS, PROBLEM_TYPES } from '../api.ts';

const { Paragraph, Title, Text } = Typography;

const FIELDS = [
  ['正常运行网站总数', '系统自动统计：季度末本单位及下级单位运行状态为「正常」的网站数，不含例外网站'],
  ['本季度新增网站数', '系统自动统计：本季度内取得网站标识码的网站数'],
  ['本季度永久下线网站数', '系统自动统计：本季度内完成永久下线的网站数'],
  ['抽查网站数', '本季度实际抽查的网站数，不得大于正常运行网站总数'],
  ['抽查比例', '抽查网站数 ÷ 正常运行网站总数，保留一位小数；低于 30% 时给出提示'],
  ['合格网站数', '抽查合格的网站数，不得大于抽查网站数'],
  ['合格率', '合格网站数 ÷ 抽查网站数，保留一位小数'],
  [
    '不合格网站清单',
    '逐个列出不合格网站（只能从本单位及下级单位的在册网站中选择），填写问题类型、问题描述、整改情况和问责人次；个数须等于抽查数减合格数',
  ],
  ['「我为政府网站找错」留言数', '选填：本季度收到的网民留言数'],
  ['情况说明、填报人、联系电话', '必填'],
];

export default function SpotCheckHelpPage() {
  return (
    <>
      <PageHeader
        title={ot.spotChecks.help}
        extra={<LinkButton to="/org/spot-checks">{ot.spotChecks.title}</LinkButton>}
      />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="各省（自治区、直辖市）和国务院部门每季度末对本地区、本部门政府网站开展抽查，并通过本系统上报当季度抽查情况。"
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Title level={5}>一、上报时间</Title>
        <Paragraph>
          每季度最后一个月的 1 日起开放上报，至季度结束后第 15 日止（例如第四季度为 12 月 1 日至次年 1 月 15 日）。
          超过截止日期仍可上报，但报告将标记「逾期」。上报窗口开放前可以先保存草稿。
        </Paragraph>
        <Title level={5}>二、填报步骤</Title>
        <Paragraph>
          <ol>
            <li>在「上报抽查情况」中选择季度，核对系统自动统计的网站数。</li>
            <li>
              可使用「分层抽样建议」按网站级别和类型（门户网站 / 部门网站）随机抽取样本，采用后抽查网站数自动填入。
            </li>
            <li>填写抽查网站数、合格网站数，系统实时计算抽查比例和合格率。</li>
            <li>逐个添加不合格网站，填写问题类型、问题描述、整改情况和问责人次。</li>
            <li>填写情况说明、填报人和联系电话，点击「保存草稿」；确认无误后点击「上报」。</li>
          </ol>
        </Paragraph>
        <Title level={5}>三、退回与修改</Title>
        <Paragraph>
          上报后报告不能再修改。国务院办公厅审阅后如需补充，会填写原因将报告退回；退回的报告可修改后重新上报。
        </Paragraph>
      </Card>
      <Card size="small" title="四、填报项说明" style={{ marginBottom: 16 }}>
        <Table
          size="small"
          pagination={false}
          rowKey={(r) => r[0] ?? ''}
          dataSource={FIELDS}
          columns={[
            { title: '项目', render: (_, r) => <Text strong>{r[0]}</Text>, width: 220 },
            { title: '说明', render: (_, r) => r[1] },
          ]}
        />
      </Card>
      <Card size="small" title="五、问题类型（单项否决指标等）">
        <Paragraph type="secondary">
          存在任一单项否决问题的网站即为不合格；未触及单项否决的，按扣分指标评分，得分低于 60 分的为不合格。
        </Paragraph>
        <ul>
          {PROBLEM_TYPES.map((p) => (
            <li key={p}>{PROBLEM_TYPE_LABELS[p]}</li>
          ))}
        </ul>
      </Card>
    </>
  );
}
