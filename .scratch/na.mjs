import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { openWorkbook } from '/work/wt/reader/dist/src/core/workbook/open.js';
const wb = new ExcelJS.Workbook(); wb.addWorksheet('s').getCell('A1').value = 1;
const b = new Uint8Array(await wb.xlsx.writeBuffer());
const f = unzipSync(b);
const rows = '<row r="1"><c r="A1" t="e"><v>#N/A</v></c><c r="B1" t="e"><f>NA()</f><v>#N/A</v></c><c r="C1"><f>NA()</f><v>#N/A</v></c><c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>';
f['xl/worksheets/sheet1.xml'] = strToU8(strFromU8(f['xl/worksheets/sheet1.xml']).replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${rows}</sheetData>`));
const bytes = zipSync(f);
for (const reader of ['exceljs', 'fast']) { const r = await openWorkbook(bytes, { reader }); console.log(reader, r.ok ? JSON.stringify([...r.workbook.sheets[0].rows.get(1)]) : JSON.stringify(r.findings)); }
