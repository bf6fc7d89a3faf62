// Pieces of the 审核 dialogs: the 通过 / 退回 choice, each enabled by the row's abilities, and the decision's error
// under the form.
import { Alert, Form, Radio } from 'antd';
import { errorMessage } from '../request.ts';

interface Ability {
  allowed: boolean;
}

export function DecisionField({
  text,
  abilities,
}: {
  text: { decision: string; approve: string; return: string };
  abilities: { approve: Ability; return: Ability } | undefined;
}) {
  return (
    <Form.Item name="decision" label={text.decision} rules={[{ required: true }]}>
      <Radio.Group>
        <Radio value="approve" disabled={!abilities?.approve.allowed}>
          {text.approve}
        </Radio>
        <Radio value="return" disabled={!abilities?.return.allowed}>
          {text.return}
        </Radio>
      </Radio.Group>
    </Form.Item>
  );
}

export function DecisionError({ error }: { error: Error | null }) {
  return error ? <Alert type="error" showIcon style={{ marginTop: 12 }} title={errorMessage(error)} /> : null;
}
