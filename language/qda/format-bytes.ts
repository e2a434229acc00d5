/** Sizes in problems: "3.2 MB", "512 bytes". */
export function formatBytes(bytes: number): string {
    if (bytes < 1024) {
        return `${bytes} byte${bytes === 1 ? '' : 's'}`;
    }
    const units = ['KB', 'MB', 'GB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} ${units[unit]}`;
}
