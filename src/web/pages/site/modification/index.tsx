// 基本信息修改 (SPEC §7.2): page 1 basic information, 「下一步」, page 2 栏目（系统）信息, 「提交」; 保存草稿 keeps both pages
// on the server to come back later. Nothing changes on the live record until the reviewer approves.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Result, Steps } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate } from 'react-router';
import { MAX_CONTACTS } from '../../../../domain/site-info.ts';
import { useSession } from '../../../access.ts';
import { sw } from '../../../locales/site-workspace.zh-CN.ts';
import { ApiError, errorMessage } from '../../../request.ts';
import { LinkButton } from '../../../shared/LinkButton.tsx';
import { useNotify } from '../../../shared/notify.tsx';
import { PageSpin } from '../../../shared/PageSpin.tsx';
import { PublicFrame } from '../../../shared/PublicFrame.tsx';
import { RulesContext } from '../../apply/form/components/Field.tsx';
import { type FieldMessage, toNamePath } from '../../apply/form/rules.ts';
import { getSiteHome, siteHomeKey } from '../home/api.ts';
import {
  getModificationForm,
  type ModificationBody,
  type ModificationForm,
  modificationKey,
  saveDraft,
  submitModification,
} from './api.ts';
import { BasicStep } from './components/BasicStep.tsx';
import { ColumnsStep } from './components/ColumnsStep.tsx';
import { useModificationRules } from './rules.ts';

const text = sw.modify;

/** Every field of page 1, for 「下一步」. */
function basicFields(contacts: number): (string | number)[][] {
  const person = ['name', 'officePhone', 'mobile', 'email'];
  return [
    'name',
    'homeUrl',
    'sponsorName',
    'sponsorAddress',
    'organizerName',
    'maintainerName',
    ...[...person, 'title'].map((k) => `principal.${k}`),
    ...Array.from({ length: Math.min(Math.max(contacts, 1), MAX_CONTACTS) }, (_, i) =>
      person.map((k) => `contacts.${i}.${k}`),
    ).flat(),
    'icpNo',
    'psbNo',
    'conacCode',
    'chineseDomain',
  ].map(toNamePath);
}

function fieldErrors(error: unknown): FieldMessage[] {
  const fields = error instanceof ApiError ? error.details?.fields : undefined;
  return Array.isArray(fields) ? (fields as FieldMessage[]) : [];
}

function ModificationEditor({ data }: { data: ModificationForm }) {
  const [form] = Form.useForm();
  const [step, setStep] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const message = useNotify();
  const queryClient = useQueryClient();
  const rules = useModificationRules(form, data);
  const home = useQuery({ queryKey: siteHomeKey, queryFn: getSiteHome });

  useEffect(() => {
    form.setFieldsValue({
      ...data.info,
      columns: data.columns.map(({ category, names, addresses }) => ({ category, names, addresses })),
    });
  }, [form, data]);

  const body = (): ModificationBody => {
    const { columns, ...info } = form.getFieldsValue(true) as Record<string, unknown> & {
      columns: ModificationBody['columns'];
    };
    return { info, columns };
  };
  const showServerErrors = async (fields: FieldMessage[]) => {
    const columnErrors = fields.filter((f) => f.field.startsWith('columns.'));
    const infoErrors = fields.filter((f) => !f.field.startsWith('columns.'));
    form.setFields(
      columnErrors.map((f) => ({
        name: ['columns', data.columns.findIndex((c) => `columns.${c.category}` === f.field), 'addresses'],
        errors: [f.message],
      })),
    );
    await rules.showServerErrors(infoErrors);
    if (infoErrors.length > 0) setStep(0);
    else if (columnErrors.length > 0) setStep(1);
  };
  // Only the home: refetching this page's own form now would replace the result with 「不能修改」.
  const done = () => queryClient.invalidateQueries({ queryKey: siteHomeKey });

  const draft = useMutation({
    mutationFn: saveDraft,
    meta: { inlineError: true },
    onSuccess: (r) => {
      setFailure(null);
      message.success(r.errors.length > 0 ? text.draftSavedWithProblems(r.errors.length) : text.draftSaved);
      void done();
    },
    onError: (error) => setFailure(errorMessage(error)),
  });
  const submit = useMutation({
    mutationFn: submitModification,
    meta: { inlineError: true },
    onSuccess: () => {
      setSubmitted(true);
      void done();
    },
    onError: async (error) => {
      await showServerErrors(fieldErrors(error));
      setFailure(errorMessage(error));
    },
  });

  if (submitted) {
    return (
      <Result
        status="success"
        title={text.submitted}
        subTitle={text.submittedSub(home.data?.reviewers.modification.name ?? '')}
        extra={
          <LinkButton to="/site" type="primary">
            {text.backHome}
          </LinkButton>
        }
      />
    );
  }

  const contacts = (form.getFieldValue('contacts') as unknown[] | undefined)?.length ?? 1;
  const next = async () => {
    try {
      await form.validateFields(basicFields(contacts));
      setFailure(null);
      setStep(1);
      window.scrollTo({ top: 0 });
    } catch {
      // antd shows the messages at the fields.
    }
  };
  const send = async () => {
    try {
      await form.validateFields(undefined, { recursive: true });
    } catch (error) {
      const first = (error as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0]?.name[0];
      setStep(first === 'columns' ? 1 : 0);
      setFailure(first === 'columns' ? text.fixColumns : null);
      return;
    }
    setFailure(null);
    submit.mutate(body());
  };

  return (
    <>
      {data.requestState === 'DRAFT' && (
        <Alert type="info" showIcon title={text.draftLoaded} style={{ marginBottom: 16 }} />
      )}
      {data.requestState === 'RETURNED' && (
        <Alert
          type="error"
          showIcon
          title={text.returnedLoaded(data.returnReason ?? '')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Steps
        current={step}
        items={[{ title: text.steps.basic }, { title: text.steps.columns }]}
        style={{ marginBottom: 24 }}
      />
      <RulesContext.Provider value={rules}>
        <Form
          form={form}
          layout="vertical"
          requiredMark
          scrollToFirstError={{ block: 'center' }}
          onValuesChange={() => failure && setFailure(null)}
        >
          <div style={{ display: step === 0 ? 'block' : 'none' }}>
            <BasicStep data={data} />
          </div>
          <div style={{ display: step === 1 ? 'block' : 'none' }}>
            <ColumnsStep columns={data.columns} />
          </div>
        </Form>
      </RulesContext.Provider>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 16 }} />}
      <Flex gap={12} justify="flex-end" wrap style={{ marginTop: 24 }}>
        {step === 0 ? (
          <LinkButton to="/site">{text.backHome}</LinkButton>
        ) : (
          <Button onClick={() => setStep(0)}>{text.prev}</Button>
        )}
        <Button loading={draft.isPending} onClick={() => draft.mutate(body())}>
          {text.saveDraft}
        </Button>
        {step === 0 ? (
          <Button type="primary" onClick={next}>
            {text.next}
          </Button>
        ) : (
          <Button type="primary" loading={submit.isPending} onClick={send}>
            {text.submit}
          </Button>
        )}
      </Flex>
    </>
  );
}

export default function SiteModificationPage() {
  const session = useSession();
  const isSite = session.data?.actor.kind === 'SITE';
  const form = useQuery({ queryKey: modificationKey, queryFn: getModificationForm, enabled: isSite, staleTime: 0 });
  if (session.isPending) return <PageSpin fullScreen />;
  if (!isSite) return <Navigate to="/" replace />;
  const data = form.data;
  return (
    <PublicFrame maxWidth={1040}>
      <Card title={text.title} loading={form.isPending}>
        {data && !data.ability.allowed ? (
          <Result
            status="warning"
            title={text.notAllowed}
            subTitle={data.ability.reason}
            extra={<LinkButton to="/site">{text.backHome}</LinkButton>}
          />
        ) : null}
        {data?.ability.allowed ? <ModificationEditor data={data} /> : null}
      </Card>
    </PublicFrame>
  );
}
