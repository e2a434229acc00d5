import { EXPORT_CHOICES, isExportChoice, type ExportChoice } from '../../../language/graph/export/formats.js';
import { h } from './dom.js';

/**
 * The toolbar's Export menu: a native select (keyboard and screen readers know it) whose first
 * entry is its label; choosing a format hands it on and shows the label again, so the same
 * format can be chosen twice in a row.
 */
export function exportMenu(onChoose: (format: ExportChoice) => void): HTMLSelectElement {
    const label = 'Export the map to a file';
    const menu = h('select', { class: 'w-button w-export', attrs: { title: label, 'aria-label': label } }, [
        h('option', { text: 'Export…', attrs: { value: '' } }),
        ...EXPORT_CHOICES.map(choice => h('option', { text: choice.name, attrs: { value: choice.format, title: choice.label } }))
    ]);
    menu.addEventListener('change', () => {
        const format = menu.value;
        menu.value = '';
        if (isExportChoice(format)) onChoose(format);
    });
    return menu;
}
