--[[
Warrant's Pandoc and Quarto filter.

  pandoc paper.md --lua-filter "$(npx warrant pandoc-filter)" -o paper.html
  Quarto: `filters: [path/to/warrant.lua]` in _quarto.yml or the document's front matter.

- A ```warrant-map code block becomes the argument map, drawn by `warrant export --format svg`
  (the editor's own layout and renderer): inline SVG in HTML outputs, an SVG picture in every
  other format (docx, odt, LaTeX/PDF, EPUB…). Its lines are options, as in VS Code's preview:
    focus: NAME                   only what the element NAME rests on
    scope: workspace | document   the document's folder (default) or the document itself
    paths: a.warrant, ../map      what to read instead, relative to the document
  (height: is for the editor's preview and ignored here.)
- A claim span `[text]{.claim ref=NAME}` becomes its text.
- ```warrant code blocks stay as code, unless the metadata says `warrant-source: hide`.

The command-line tool is found beside this file (../out/cli.cjs, run with node); the
environment variable WARRANT_CLI names another one (a .js/.cjs/.mjs file is run with node,
anything else is run as a program); without either, `warrant` is run from the PATH.
]]

local hide_source = false
local map_count = 0

local function warn(message)
  io.stderr:write('[warrant] ' .. message .. '\n')
end

local function file_exists(path)
  local handle = io.open(path, 'r')
  if handle then handle:close() end
  return handle ~= nil
end

--- The program and leading arguments that run `warrant`.
local function cli()
  local override = os.getenv('WARRANT_CLI')
  if override and override ~= '' then
    if override:match('%.[cm]?js$') then return 'node', { override } end
    return override, {}
  end
  local here = pandoc.path.directory(PANDOC_SCRIPT_FILE)
  local bundled = pandoc.path.join({ here, '..', 'out', 'cli.cjs' })
  if file_exists(bundled) then return 'node', { bundled } end
  return 'warrant', {}
end

--- The document being rendered, and its folder (the working directory when reading stdin).
local function input_document()
  local inputs = PANDOC_STATE.input_files or {}
  local first = inputs[1]
  if first == nil or first == '-' then
    return nil, pandoc.system.get_working_directory()
  end
  local dir = pandoc.path.directory(first)
  return first, (dir == '' and '.' or dir)
end

--- `key: value` lines; unknown keys and bad values are reported and ignored.
local function read_options(text)
  local options = { scope = 'workspace' }
  local number = 0
  for line in (text .. '\n'):gmatch('([^\n]*)\n') do
    number = number + 1
    line = line:gsub('\r$', ''):match('^%s*(.-)%s*$')
    if line ~= '' and line:sub(1, 1) ~= '#' then
      local key, value = line:match('^([^:]+):%s*(.-)$')
      key = key and key:match('^%s*(.-)%s*$'):lower()
      if value then value = value:match('^"(.*)"$') or value:match("^'(.*)'$") or value end
      if key == 'focus' and value ~= '' then
        options.focus = value
      elseif key == 'scope' and (value == 'workspace' or value == 'document') then
        options.scope = value
      elseif key == 'paths' then
        options.paths = {}
        for path in value:gmatch('[^,%s]+') do table.insert(options.paths, path) end
      elseif key ~= 'height' then
        warn(string.format('warrant-map option line %d ignored: "%s" (known: focus, scope, paths)', number, line))
      end
    end
  end
  return options
end

--- What to export: the block's paths, the document itself, or its folder.
local function export_paths(options)
  local document, dir = input_document()
  if options.paths and #options.paths > 0 then
    local paths = {}
    for _, path in ipairs(options.paths) do
      table.insert(paths, pandoc.path.is_absolute(path) and path or pandoc.path.join({ dir, path }))
    end
    return paths
  end
  if options.scope == 'document' and document then return { document } end
  return { dir }
end

local function draw_map(options)
  local program, args = cli()
  local all = {}
  for _, arg in ipairs(args) do table.insert(all, arg) end
  table.insert(all, 'export')
  for _, path in ipairs(export_paths(options)) do table.insert(all, path) end
  table.insert(all, '--format')
  table.insert(all, 'svg')
  if options.focus then
    table.insert(all, '--focus')
    table.insert(all, options.focus)
  end
  local ok, result = pcall(pandoc.pipe, program, all, '')
  if not ok then
    -- the tool's own message went to stderr already; say which command failed
    local detail = type(result) == 'table' and ('exit code ' .. tostring(result.error_code)) or tostring(result)
    return nil, string.format('%s %s failed (%s)', program, table.concat(all, ' '), detail)
  end
  return result
end

local function is_html(format)
  return format:match('^html') or format:match('^revealjs') or format:match('^slidy')
    or format:match('^slideous') or format:match('^dzslides') or format:match('^s5')
    or format:match('^chunkedhtml')
end

local function has_class(block, name)
  for _, class in ipairs(block.classes) do
    if class == name or class == '{' .. name .. '}' then return true end
  end
  return false
end

local function map_block(block)
  local options = read_options(block.text)
  local svg, problem = draw_map(options)
  if not svg then
    warn(problem)
    return pandoc.CodeBlock('Warrant could not draw this map: ' .. problem, pandoc.Attr('', { 'warrant-map-error' }))
  end
  map_count = map_count + 1
  if is_html(FORMAT) then
    return pandoc.Div({ pandoc.RawBlock('html', svg) }, pandoc.Attr('', { 'warrant-map-block' }))
  end
  local name = string.format('warrant-map-%d.svg', map_count)
  pandoc.mediabag.insert(name, 'image/svg+xml', svg)
  local caption = options.focus and ('Argument map: what ' .. options.focus .. ' rests on') or 'Argument map'
  return pandoc.Para({ pandoc.Image({ pandoc.Str(caption) }, name, '', pandoc.Attr('', { 'warrant-map' })) })
end

local function code_block(block)
  if has_class(block, 'warrant-map') then return map_block(block) end
  if hide_source and has_class(block, 'warrant') then return {} end
  return nil
end

local function claim_span(span)
  if has_class(span, 'claim') then return span.content end
  return nil
end

local function read_meta(meta)
  local setting = meta['warrant-source']
  hide_source = setting ~= nil and pandoc.utils.stringify(setting) == 'hide'
  return nil
end

return {
  { Meta = read_meta },
  { CodeBlock = code_block, Span = claim_span }
}
