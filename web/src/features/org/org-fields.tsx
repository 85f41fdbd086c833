import type { ReactNode } from 'react';
import { Box, SimpleGrid, Text } from '@mantine/core';

/** A description list in a responsive grid: label above value, one column on phones. */
export function FieldList({ children }: { children: ReactNode }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="lg" verticalSpacing="md" m={0}>
      {children}
    </SimpleGrid>
  );
}

export function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Box data-testid={testId} style={{ minWidth: 0 }}>
      <Text component="dt" size="xs" c="dimmed" fw={500} tt="uppercase">
        {label}
      </Text>
      <Box
        component="dd"
        m={0}
        mt={2}
        style={{ fontSize: 'var(--mantine-font-size-sm)', wordBreak: 'break-word' }}
      >
        {children}
      </Box>
    </Box>
  );
}
