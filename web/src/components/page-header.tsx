import type { ReactNode } from 'react';
import { Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from './use-document-title';

/** The title every page starts with (the one h1), a sentence about the page, and its main action. */
export function PageHeader({ title, intro, action }: { title: string; intro?: string; action?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <Group justify="space-between" align="flex-start" mb="lg" gap="sm">
      <Stack gap={4} style={{ flex: '1 1 320px' }}>
        <Title order={1} size="h2">
          {title}
        </Title>
        {intro && (
          <Text c="dimmed" size="sm" maw={720}>
            {intro}
          </Text>
        )}
      </Stack>
      {action}
    </Group>
  );
}
