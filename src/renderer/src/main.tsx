import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { pickTransport } from './api/pick-transport';
import { MissingToken } from './pages/MissingToken';
import './styles.css';

const rootElement = document.getElementById('root');
if (rootElement === null) throw new Error('index.html has no #root');

const transport = pickTransport(window);
createRoot(rootElement).render(
  <StrictMode>{transport.kind === 'missing-token' ? <MissingToken message={transport.message} /> : <App api={transport.api} />}</StrictMode>,
);
