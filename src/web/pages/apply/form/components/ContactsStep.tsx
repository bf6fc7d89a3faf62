// Page 3 「联系人」: 网站联系人 1 (required) and up to two more (optional; a blank one is ignored).
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Typography } from 'antd';
import { MAX_CONTACTS, type SiteInfoInput } from '../../../../../domain/site-info.ts';
import { t } from '../../../../locales/zh-CN.ts';
import { PersonFields } from './PersonFields.tsx';

const blank = { name: '', officePhone: '', mobile: '', email: '' };

export function ContactsStep() {
  const form = Form.useFormInstance<SiteInfoInput>();
  const contacts = (Form.useWatch('contacts', { form, preserve: true }) ?? [blank]) as NonNullable<
    SiteInfoInput['contacts']
  >;
  const text = t.applyForm;
  const count = Math.max(1, Math.min(contacts.length, MAX_CONTACTS));

  const add = () => form.setFieldValue('contacts', [...contacts, { ...blank }]);
  const remove = (index: number) => {
    form.setFieldValue(
      'contacts',
      contacts.filter((_, i) => i !== index),
    );
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{text.contactsHelp}</Typography.Paragraph>
      {Array.from({ length: count }, (_, i) => (
        <Card
          // biome-ignore lint/suspicious/noArrayIndexKey: the position is the identity of a contact slot.
          key={i}
          size="small"
          title={text.contactTitle(i + 1, i === 0)}
          style={{ marginBottom: 16 }}
          extra={
            i > 0 && (
              <Button type="link" danger icon={<DeleteOutlined />} onClick={() => remove(i)}>
                {text.removeContact}
              </Button>
            )
          }
        >
          <PersonFields prefix={`contacts.${i}`} withTitle={false} required={i === 0} />
        </Card>
      ))}
      {count < MAX_CONTACTS && (
        <Button icon={<PlusOutlined />} onClick={add}>
          {text.addContact}
        </Button>
      )}
    </>
  );
}
