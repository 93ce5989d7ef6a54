import { apiBlob } from '../api.js';
import { html, mount, showError } from '../html.js';

let pdfjs;

/** PDF.js, loaded the first time a PDF page is opened (served by the console under /vendor/pdfjs/). */
async function loadPdfJs() {
  if (!pdfjs) {
    pdfjs = await import('/vendor/pdfjs/pdf.min.mjs');
    pdfjs.GlobalWorkerOptions.workerSrc = '/vendor/pdfjs/pdf.worker.min.mjs';
  }
  return pdfjs;
}

async function drawPdf(container, blob) {
  const { getDocument } = await loadPdfJs();
  const pdf = await getDocument({
    data: new Uint8Array(await blob.arrayBuffer()),
    cMapUrl: '/vendor/pdfjs/cmaps/',
    cMapPacked: true,
    standardFontDataUrl: '/vendor/pdfjs/standard_fonts/',
  }).promise;
  const pages = container.querySelector('.pages');
  container.querySelector('.page-count').textContent = `共 ${pdf.numPages} 页`;
  const width = Math.min(880, container.clientWidth || 880);
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const scale = width / page.getViewport({ scale: 1 }).width;
    const viewport = page.getViewport({ scale });
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.setAttribute('aria-label', `第 ${number} 页`);
    pages.append(canvas);
    await page.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
  }
}

/**
 * Shows a page of a case file where the reader is: an image as it is, a PDF drawn page by page, an OFD to download
 * (browsers have no reader for it). The SHA-256 is the one the case's record holds for the file.
 */
export async function showPage(container, caseId, attachment) {
  mount(
    container,
    html`<figure class="page-view">
      <figcaption>
        <strong>${attachment.materialName}</strong> · ${attachment.fileName} <span class="page-count"></span>
        <button type="button" data-action="close-page">关闭</button>
        <br /><small class="muted">SHA-256：<code class="sha">${attachment.sha256}</code></small>
      </figcaption>
      <div class="pages"><p class="muted">正在载入…</p></div>
    </figure>`,
  );
  const pages = container.querySelector('.pages');
  try {
    const { blob } = await apiBlob(
      'intake',
      `/applications/${encodeURIComponent(caseId)}/attachments/${encodeURIComponent(attachment.id)}`,
    );
    const url = URL.createObjectURL(blob);
    mount(pages, '');
    if (attachment.contentType.startsWith('image/')) {
      mount(pages, html`<img src="${url}" alt="${attachment.materialName}：${attachment.fileName}" />`);
    } else if (attachment.contentType === 'application/pdf') {
      await drawPdf(container, blob);
    } else {
      mount(
        pages,
        html`<p>
          OFD 版式文件请下载后用版式阅读器打开：<a href="${url}" download="${attachment.fileName}"
            >下载 ${attachment.fileName}</a
          >
        </p>`,
      );
    }
  } catch (error) {
    showError(pages, error);
  }
}
