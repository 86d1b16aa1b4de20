import type { Page } from '@playwright/test';

/** Drops a file on the canvas the way a browser does: a DataTransfer holding a File, then the events. */
export async function dropFile(page: Page, name: string, content: string): Promise<void> {
  await page.evaluate(
    ({ name, content }) => {
      const target = document.querySelector('[data-testid="canvas"]');
      if (!target) throw new Error('no canvas');
      const dt = new DataTransfer();
      dt.items.add(new File([content], name, { type: 'application/yaml' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    },
    { name, content },
  );
}
