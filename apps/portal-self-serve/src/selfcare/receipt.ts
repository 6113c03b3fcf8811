import PDFDocument from 'pdfkit';
import type { CustomerView } from '@bss/crm';
import type { PaymentReceiptView } from '@bss/payment';
import { chargePurposeLabel, formatPrice } from '@bss/web';

/** Everything a receipt shows, the same for the page and the PDF. */
export interface Receipt {
  number: string;
  paidOn: string;
  seller: string;
  supportEmail: string;
  customerName: string;
  customerEmail: string | null;
  description: string;
  amountText: string;
  cardText: string;
  reference: string | null;
}

export function toReceipt(charge: PaymentReceiptView, customer: CustomerView, issuer: { seller: string; supportEmail: string }): Receipt {
  return {
    number: charge.id,
    paidOn: charge.paidAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    seller: issuer.seller,
    supportEmail: issuer.supportEmail,
    customerName: customer.name,
    customerEmail: customer.email,
    description: chargePurposeLabel(charge.purpose),
    amountText: formatPrice(charge.amount, charge.currency),
    cardText: charge.card ? `${charge.card.brand.toUpperCase()} •••• ${charge.card.last4}` : 'Card on file',
    reference: charge.gatewayRef,
  };
}

/** The rows of the receipt table, in order (label, value). */
export function receiptRows(r: Receipt): [string, string][] {
  const rows: [string, string][] = [
    ['Receipt number', r.number],
    ['Paid on', r.paidOn],
    ['Billed to', r.customerEmail ? `${r.customerName} (${r.customerEmail})` : r.customerName],
    ['For', r.description],
    ['Paid with', r.cardText.replace('••••', 'ending')],
    ['Amount paid', r.amountText],
  ];
  if (r.reference) rows.push(['Payment reference', r.reference]);
  return rows;
}

/**
 * The receipt as an A4 PDF (pdfkit, built-in Helvetica so no font files ship). Streams are left
 * uncompressed: a receipt is tiny, and its text stays greppable for support and for tests.
 */
export function renderReceiptPdf(r: Receipt): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, compress: false, info: { Title: `Receipt ${r.number}`, Author: r.seller, Subject: `${r.description} ${r.amountText}` } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font('Helvetica-Bold').fontSize(20).text(r.seller);
    doc.moveDown(0.3).font('Helvetica').fontSize(12).fillColor('#57606a').text('Receipt');
    doc.moveDown(1.5).fillColor('#1b1f23');
    for (const [label, value] of receiptRows(r)) {
      const y = doc.y;
      doc.font('Helvetica').fontSize(11).fillColor('#57606a').text(label, 56, y, { width: 160 });
      doc.font(label === 'Amount paid' ? 'Helvetica-Bold' : 'Helvetica').fillColor('#1b1f23').text(value, 220, y, { width: 320 });
      doc.moveDown(0.6);
    }
    doc.moveDown(2).font('Helvetica').fontSize(9).fillColor('#57606a').text(`Prepaid service, paid in full. Questions about this charge: ${r.supportEmail}`, 56);
    doc.end();
  });
}
