import { useMemo, useRef, useState, type ReactNode } from 'react';
import {
  Avatar,
  Button,
  Combobox,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
  useCombobox,
} from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Comment, PersonRef } from '../../../../src/contract/catalog.schema';
import { FormErrorAlert } from '../../components/form-error.alert';
import { LoadError, LoadingRows } from '../../components/query-states';
import { useErrorText } from '../../i18n/error-text';
import { useFormat } from '../../i18n/use-format';
import { roleCan } from '../../../../src/core/permissions';
import { useCurrentUser } from '../auth/session.queries';
import { useUsersForLink } from '../org/org.queries';
import { useAddComment, useProposalComments } from './agreement.queries';
import { commentParts, insertMention, mentionHandle, mentionQuery } from './mentions';

/** A comment's text with its mentions of real people highlighted. */
function CommentBody({ comment }: { comment: Comment }) {
  const parts: ReactNode[] = commentParts(comment.body, comment.mentions).map((part, i) =>
    part.mention ? (
      <Text
        key={i}
        span
        c="blue.8"
        fw={600}
        bg="blue.0"
        px={2}
        style={{ borderRadius: 3 }}
        data-testid="mention"
      >
        {part.text}
      </Text>
    ) : (
      <span key={i}>{part.text}</span>
    ),
  );
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {parts}
    </Text>
  );
}

/** The discussion: the comments in order, and a box to write one with @mentions. */
export function ProposalDiscussion({
  proposalId,
  people: involved,
}: {
  proposalId: string;
  people: PersonRef[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { errorText } = useErrorText();
  const comments = useProposalComments(proposalId);
  const add = useAddComment(proposalId);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const combobox = useCombobox();
  const me = useCurrentUser();
  // Those who may list accounts can mention anyone active; everyone can mention the people involved.
  const users = useUsersForLink(roleCan(me.role, 'users.read'));

  const people = useMemo(() => {
    const byId = new Map<string, PersonRef>();
    const put = (p: PersonRef) => {
      if (p.id !== me.id) byId.set(p.id, p);
    };
    involved.forEach(put);
    for (const c of comments.data?.items ?? []) {
      put(c.author);
      c.mentions.forEach(put);
    }
    for (const u of users.data?.items ?? [])
      if (u.status === 'active') put({ id: u.id, name: u.name, email: u.email });
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [involved, comments.data, users.data, me.id]);

  const suggestions = useMemo(() => {
    if (!mention) return [];
    const q = mention.query.toLowerCase();
    return people
      .filter((p) => !q || p.name.toLowerCase().includes(q) || p.email.toLowerCase().includes(q))
      .slice(0, 8);
  }, [mention, people]);

  const track = (text: string, caret: number) => {
    const m = mentionQuery(text, caret);
    setMention(m);
    if (m) combobox.openDropdown();
    else combobox.closeDropdown();
  };

  const insert = (personId: string) => {
    const person = people.find((p) => p.id === personId);
    if (!person || !mention) return;
    const { text: next, caret: at } = insertMention(body, mention, mentionHandle(person, people));
    setBody(next);
    setMention(null);
    combobox.closeDropdown();
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(at, at);
    });
  };

  const send = () => {
    if (!body.trim()) {
      setError(t('agreement.discussion.emptyComment'));
      return;
    }
    setError(null);
    add.mutate(body, {
      onSuccess: () => setBody(''),
      onError: (e) => setError(errorText(e)),
    });
  };

  let list;
  if (comments.isPending) list = <LoadingRows rows={2} height={60} />;
  else if (comments.isError)
    list = <LoadError error={comments.error} onRetry={() => void comments.refetch()} />;
  else if (comments.data.items.length === 0)
    list = (
      <Text size="sm" c="dimmed">
        {t('agreement.discussion.none')}
      </Text>
    );
  else
    list = (
      <Stack gap="xs" data-testid="comments">
        {comments.data.items.map((c) => (
          <Paper key={c.id} withBorder radius="md" p="sm" data-testid="comment">
            <Group gap={8} mb={4} wrap="nowrap">
              <Avatar size={24} radius="xl" color="indigo" aria-hidden>
                {c.author.name.slice(0, 1).toUpperCase()}
              </Avatar>
              <Text size="sm" fw={600} truncate>
                {c.author.name}
              </Text>
              <Text size="xs" c="dimmed" style={{ flex: 'none' }}>
                {format.dateTime(c.created_at)}
              </Text>
            </Group>
            <CommentBody comment={c} />
          </Paper>
        ))}
      </Stack>
    );

  return (
    <section aria-labelledby="proposal-discussion-title">
      <Title order={2} size="h4" id="proposal-discussion-title" mb="sm">
        {t('agreement.discussion.title')}
      </Title>
      {list}
      {/* Viewers read the discussion; the server refuses their comments. */}
      {me.role !== 'viewer' && (
        <Stack gap="xs" mt="md">
          <Combobox store={combobox} onOptionSubmit={insert} position="bottom-start" withinPortal>
            <Combobox.Target withAriaAttributes={false}>
              <Textarea
                ref={area}
                label={t('agreement.discussion.label')}
                description={t('agreement.discussion.hint')}
                placeholder={t('agreement.discussion.placeholder')}
                value={body}
                autosize
                minRows={3}
                maxRows={12}
                onChange={(e) => {
                  setBody(e.currentTarget.value);
                  track(e.currentTarget.value, e.currentTarget.selectionStart);
                }}
                onClick={(e) => track(e.currentTarget.value, e.currentTarget.selectionStart)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                    e.preventDefault();
                    send();
                  }
                  if (e.key === 'Escape') combobox.closeDropdown();
                }}
                onBlur={() => combobox.closeDropdown()}
                data-testid="comment-input"
              />
            </Combobox.Target>
            <Combobox.Dropdown hidden={suggestions.length === 0}>
              <Combobox.Options aria-label={t('agreement.discussion.people')}>
                {suggestions.map((p) => (
                  <Combobox.Option value={p.id} key={p.id} data-testid="mention-option">
                    <Text size="sm">{p.name}</Text>
                    <Text size="xs" c="dimmed">
                      @{mentionHandle(p, people)}
                    </Text>
                  </Combobox.Option>
                ))}
              </Combobox.Options>
            </Combobox.Dropdown>
          </Combobox>
          <FormErrorAlert message={error} />
          <Group justify="flex-end">
            <Button
              leftSection={<IconSend size={16} aria-hidden />}
              onClick={send}
              loading={add.isPending}
              data-testid="comment-send"
            >
              {t('agreement.discussion.send')}
            </Button>
          </Group>
        </Stack>
      )}
    </section>
  );
}
