-- Runs the Warrant language server under Neovim's built-in LSP client, headless, and writes
-- what the client received (diagnostics, a hover) as JSON. Used by test/nvim/nvim.test.ts and
-- scripts/nvim-check.mjs:
--
--   WARRANT_SERVER=/abs/out/server.cjs WARRANT_ROOT=/abs/folder WARRANT_FILE=/abs/folder/a.warrant \
--   WARRANT_HOVER_LINE=0 WARRANT_HOVER_CHARACTER=7 WARRANT_OUT=/tmp/result.json \
--   nvim --headless -u NONE -i NONE -n -c 'luafile scripts/nvim-lsp-check.lua'
--
-- Works with Neovim 0.7 (vim.lsp.start_client) and 0.8+ (vim.lsp.start).

local server = assert(os.getenv('WARRANT_SERVER'), 'WARRANT_SERVER not set')
local root = assert(os.getenv('WARRANT_ROOT'), 'WARRANT_ROOT not set')
local file = assert(os.getenv('WARRANT_FILE'), 'WARRANT_FILE not set')
local out = assert(os.getenv('WARRANT_OUT'), 'WARRANT_OUT not set')
local hover_line = tonumber(os.getenv('WARRANT_HOVER_LINE') or '0')
local hover_character = tonumber(os.getenv('WARRANT_HOVER_CHARACTER') or '0')
local timeout = tonumber(os.getenv('WARRANT_TIMEOUT_MS') or '30000')

local result = { diagnostics = {}, hover = vim.NIL, errors = {}, nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'warrant'

  local config = {
    name = 'warrant',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'warrant' } },
  }
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start(config)
  else
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(buf, client_id)
  end
  if not client_id then
    table.insert(result.errors, 'the client did not start')
    return
  end

  -- Diagnostics arrive once the workspace is built and validated.
  vim.wait(timeout, function()
    return #vim.diagnostic.get(buf) > 0
  end, 50)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then
      code = d.user_data.lsp.code
    end
    table.insert(result.diagnostics, { line = d.lnum, column = d.col, severity = d.severity, message = d.message, code = code or vim.NIL })
  end

  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = hover_line, character = hover_character } }
  local responses, request_err = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, timeout)
  if request_err then
    table.insert(result.errors, tostring(request_err))
  end
  for _, response in pairs(responses or {}) do
    if response.error then
      table.insert(result.errors, vim.inspect(response.error))
    elseif response.result then
      result.hover = response.result
    end
  end

  vim.lsp.stop_client(client_id)
end)

if not ok then
  table.insert(result.errors, tostring(err))
end
finish()
