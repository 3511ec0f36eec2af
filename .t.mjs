import ExcelJS from 'exceljs';
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(process.argv[2]);
console.log(wb.worksheets.map(w=>w.name).join(' '));
const s = wb.worksheets[0];
s.eachRow((row, r) => { if (r>3 && (row.getCell(6).value || row.getCell(7).value)) console.log(row.values.slice(1).join(' | ')); });
const y = wb.getWorksheet('永川区');
y.eachRow((row,r)=>console.log(r, row.values.slice(1).map(v=>String(v).slice(0,60)).join(' | ')));
console.log(y.pageSetup, y.pageSetup.printTitlesRow);
