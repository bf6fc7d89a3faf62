// 新建下级单位 / 修改名称和联系人: name, display name, 负责人 and up to three 联系人 (and the code when creating).
import { useMutation } from '@tanstack/react-query';
import { Alert, Col, Divider, Form, Input, Modal, Row } from 'antd';
import { ot } from '../../../locales/org-tools.zh-CN.ts';
import { errorMessage } from '../../../request.ts';
import { useNotify } from '../../../shared/notify.tsx';
import { createUnit, editUnit, refreshTree, type UnitView } from '../api.ts';

const text = ot.orgTree;

interface Person {
  name: string;
  officePhone: string;
  mobile: string;
  email: string;
}
interface Values {
  code: string;
  name: string;
  displayName: string;
  principal: Person;
  contacts: Person[];
}

const blank: Person = { name: '', officePhone: '', mobile: '', email: '' };
const filled = (p: Person | undefined): p is Person => Boolean(p && Object.values(p).some((v) => (v ?? '').trim()));

function PersonFields({ name, title }: { name: (string | number)[]; title: string }) {
  return (
    <>
      <Divider titlePlacement="start" plain style={{ margin: '8px 0' }}>
        {title}
      </Divider>
      <Row gutter={8}>
        {(['name', 'officePhone', 'mobile', 'email'] as const).map((k) => (
          <Col key={k} xs={12} md={6}>
            <Form.Item name={[...name, k]} label={text[k === 'name' ? 'personName' : k]}>
              <Input maxLength={k === 'email' ? 100 : 30} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </>
  );
}

export function UnitFormModal(props: {
  mode: 'create' | 'edit' | null;
  unit: UnitView | null;
  onClose: () => void;
  onDone: (code: string) => void;
}) {
  const [form] = Form.useForm<Values>();
  const notify = useNotify();
  const unit = props.unit;
  const save = useMutation({
    meta: { inlineError: true },
    mutationFn: async (v: Values) => {
      const details = {
        name: v.name,
        displayName: v.displayName,
        principal: filled(v.principal) ? v.principal : null,
        contacts: (v.contacts ?? []).filter(filled),
      };
      if (props.mode === 'create')
        return (await createUnit({ ...details, code: v.code, parentCode: unit?.code ?? '' })).code;
      await editUnit(unit?.code ?? '', details);
      return unit?.code ?? '';
    },
    onSuccess: async (code) => {
      notify.success(props.mode === 'create' ? text.created : text.saved);
      await refreshTree();
      props.onDone(code);
    },
  });
  const initial: Values =
    props.mode === 'edit' && unit
      ? {
          code: unit.code,
          name: unit.name,
          displayName: unit.displayName,
          principal: unit.principal ?? blank,
          contacts: [0, 1, 2].map((i) => unit.contacts[i] ?? blank),
        }
      : { code: '', name: '', displayName: '', principal: blank, contacts: [blank, blank, blank] };
  return (
    <Modal
      open={props.mode !== null}
      title={
        props.mode === 'create'
          ? `${text.create}（${unit?.displayName ?? ''}）`
          : `${text.edit}（${unit?.displayName ?? ''}）`
      }
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending }}
      width={760}
      destroyOnHidden
    >
      {save.isError && <Alert type="error" showIcon message={errorMessage(save.error)} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => save.mutate(v)}
        preserve={false}
      >
        <Row gutter={8}>
          {props.mode === 'create' && (
            <Col xs={24} md={6}>
              <Form.Item name="code" label={text.code} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={6} placeholder="如 130399" />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={props.mode === 'create' ? 11 : 14}>
            <Form.Item name="name" label={text.name} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={props.mode === 'create' ? 7 : 10}>
            <Form.Item name="displayName" label={text.displayName} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <PersonFields name={['principal']} title={text.principal} />
        {[0, 1, 2].map((i) => (
          <PersonFields key={i} name={['contacts', i]} title={text.contact(i + 1)} />
        ))}
      </Form>
    </Modal>
  );
}
